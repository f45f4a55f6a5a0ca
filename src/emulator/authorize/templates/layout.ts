/**
 * Page shell of the authorize pages. Templates are TypeScript string modules (not .html files) so that
 * `tsc` output in dist/ works on its own, from any working directory. `{{name}}` is replaced by an
 * HTML-escaped value, `{{{name}}}` by markup the renderer built itself. No JavaScript anywhere.
 */
export const LAYOUT_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} | sfcheck Local Emulator</title>
<style>
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:#f3f2f2;margin:0;color:#16325c}
main{max-width:380px;margin:60px auto;background:#fff;border:1px solid #d8dde6;border-radius:4px;padding:24px}
h1{font-size:20px;margin:0 0 16px}
label{display:block;font-size:13px;margin:12px 0 4px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #d8dde6;border-radius:4px}
button{margin-top:16px;padding:8px 16px;border-radius:4px;border:1px solid #0070d2;background:#0070d2;color:#fff;font-size:14px}
button.secondary{background:#fff;color:#0070d2}
.error{color:#c23934;font-size:13px;margin:8px 0}
.note{font-size:12px;color:#54698d;margin-top:16px}
</style>
</head>
<body>
<main>
{{{content}}}
<p class="note">sfcheck Local Emulator on 127.0.0.1. Not Salesforce.</p>
</main>
</body>
</html>
`;
