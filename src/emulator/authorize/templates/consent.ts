/** The consent page: the app, the requested scopes, and Allow / Deny (two submit buttons of one form). */
export const CONSENT_TEMPLATE = `<h1>Allow Access?</h1>
<p><strong>{{appName}}</strong> is asking to:</p>
<ul id="scopes">
{{{scopes}}}
</ul>
<p>Do you want to allow access for <strong>{{username}}</strong>?</p>
<form method="POST" action="{{action}}" id="consent_form">
<input type="hidden" name="flow" value="{{flow}}">
<input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit" class="secondary" id="oaapprove_deny" name="action" value="deny">Deny</button>
<button type="submit" id="oaapprove_allow" name="action" value="allow">Allow</button>
</form>
`;
