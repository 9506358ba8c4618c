% rebase('base.tpl')
<section class="card narrow">
<h1>{{_("password.title")}}</h1>
% if user['must_change_password']:
<p class="notice">{{_("password.must")}}</p>
% end
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('password_post')}}" id="password-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <label for="current">{{_("password.current")}}</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required>
  <label for="new">{{_("password.new")}}</label>
  <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required>
  <label for="repeat">{{_("password.repeat")}}</label>
  <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="10" required>
  <button type="submit" class="primary">{{_("common.save")}}</button>
</form>
<h2>{{_("account.time_zone")}}</h2>
<form method="post" action="{{url('time_zone_post')}}" id="time-zone-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <label for="time_zone">{{_("account.time_zone_label")}}</label>
  <select id="time_zone" name="time_zone">
    <option value=""{{!' selected' if not zone else ''}}>{{_("account.time_zone_site")}}</option>
    % for z in zones:
    <option value="{{z}}"{{!' selected' if z == zone else ''}} translate="no" data-content>{{z}}</option>
    % end
  </select>
  <button type="submit">{{_("common.save")}}</button>
</form>
</section>
