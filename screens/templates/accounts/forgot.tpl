% rebase('base.tpl')
<section class="card narrow">
<h1>{{_("forgot.title")}}</h1>
% if notice:
<p class="flash" role="status">{{notice}}</p>
% end
<p>{{_("forgot.intro")}}</p>
<form method="post" action="{{url('forgot_post')}}" id="forgot-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <label for="who">{{_("forgot.who")}}</label>
  <input id="who" name="who" autocomplete="username" required autofocus>
  <button type="submit" class="primary">{{_("forgot.submit")}}</button>
</form>
<p><a href="{{url('login')}}">{{_("login.title")}}</a></p>
</section>
