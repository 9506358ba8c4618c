% rebase('base.tpl')
<section class="card narrow">
<h1>{{_("link.title")}}</h1>
% if error:
<p class="error" role="alert" id="link-error">{{error}}</p>
% end
% if account:
<p>{{_("link.for", name=account['name'])}}</p>
<form method="post" action="{{url('account_link_post', token=token)}}" id="link-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="text" name="username" value="{{account['name']}}" autocomplete="username" hidden>
  <label for="new">{{_("password.new")}}</label>
  <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required autofocus>
  <label for="repeat">{{_("password.repeat")}}</label>
  <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="10" required>
  <button type="submit" class="primary">{{_("common.save")}}</button>
</form>
% else:
<p><a href="{{url('login')}}">{{_("login.title")}}</a></p>
% end
</section>
