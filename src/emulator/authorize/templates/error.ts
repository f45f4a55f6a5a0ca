/** An error page for requests the flow cannot continue (expired flow, missing or wrong anti-forgery token). */
export const ERROR_TEMPLATE = `<h1>{{heading}}</h1>
<p class="error" id="error">{{message}}</p>
`;
