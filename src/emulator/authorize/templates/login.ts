/** The login form (username and password, no security token: interactive logins do not need one). */
export const LOGIN_TEMPLATE = `<h1>Log In to {{orgName}}</h1>
{{{error}}}
<form method="POST" action="{{action}}" id="login_form">
<input type="hidden" name="flow" value="{{flow}}">
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="action" value="login">
<label for="username">Username</label>
<input type="text" id="username" name="username" value="{{username}}" autocomplete="username">
<label for="password">Password</label>
<input type="password" id="password" name="pw" autocomplete="current-password">
<button type="submit" id="Login" name="Login" value="Log In">Log In</button>
</form>
`;
