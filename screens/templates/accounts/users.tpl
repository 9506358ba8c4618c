% rebase('base.tpl')
<h1>{{_("users.title")}}</h1>
<p><a href="{{url('admin_statement')}}">{{_("publishing.statement_admin")}}</a></p>
% if notice:
<p class="flash" role="status">{{notice}}</p>
% end
<section class="card">
<table>
<thead><tr><th scope="col">{{_("members.name")}}</th><th scope="col">{{_("users.display_name")}}</th><th scope="col">{{_("users.email")}}</th><th scope="col">{{_("users.admin")}}</th><th scope="col"><span class="sr-only">{{_("common.details")}}</span></th></tr></thead>
<tbody>
% for u in users:
<tr>
  <td><span data-content>{{u['name']}}</span> {{'(' + _("users.disabled") + ')' if u['disabled_at'] else ''}}</td>
  <td><span data-content>{{u['display_name']}}</span></td>
  <td>{{u['email'] or ''}}</td>
  <td>{{_("common.yes") if u['is_admin'] else _("common.no")}}</td>
  <td class="actions">
    <form method="post" action="{{url('admin_user_password', user_id=u['id'])}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <button type="submit" class="link">{{_("users.reset")}}<span class="sr-only"> <span data-content>{{u['name']}}</span></span></button></form>
    % if u['id'] != user['id']:
    <form method="post" action="{{url('admin_user_disable', user_id=u['id'])}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <button type="submit" class="link">{{_("users.enable") if u['disabled_at'] else _("users.disable")}}<span class="sr-only"> <span data-content>{{u['name']}}</span></span></button></form>
    % end
  </td>
</tr>
% end
</tbody>
</table>
</section>
<section class="card">
<h2>{{_("users.add")}}</h2>
<form method="post" action="{{url('admin_users_post')}}" class="row" id="user-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <div><label for="new-name">{{_("members.name")}}</label><input id="new-name" name="name" required></div>
  <div><label for="new-display">{{_("users.display_name")}}</label><input id="new-display" name="display_name"></div>
  <div><label for="new-email">{{_("users.email")}}</label><input id="new-email" name="email" type="email" autocomplete="off" aria-describedby="email-hint"></div>
  <div><label class="choice"><input type="checkbox" name="is_admin" value="1"> {{_("users.admin")}}</label></div>
  <div><button type="submit" class="primary">{{_("common.add")}}</button></div>
</form>
<p class="meta" id="email-hint">{{_("users.email_hint")}}</p>
</section>
