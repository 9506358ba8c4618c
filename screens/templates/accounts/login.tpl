% rebase('base.tpl')
<section class="card narrow">
<h1>{{_("login.title")}}</h1>
% if error:
<p class="error" role="alert" id="login-error">{{error}}</p>
% end
<form method="post" action="{{url('login_post')}}" id="login">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="next" value="{{next}}">
  <label for="name">{{_("login.name")}}</label>
  <input id="name" name="name" value="{{name}}" autocomplete="username" autofocus required>
  <label for="password">{{_("login.password")}}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit" class="primary">{{_("login.submit")}}</button>
</form>
% if get('forgot'):
<p><a href="{{url('forgot')}}">{{_("forgot.link")}}</a></p>
% end
</section>
