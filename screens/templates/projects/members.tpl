% rebase('base.tpl')
<section class="card">
<h2>{{_("project.members")}}</h2>
<table>
<thead><tr><th scope="col">{{_("members.name")}}</th><th scope="col">{{_("members.role")}}</th><th scope="col">{{_("members.can_resolve")}}</th><th scope="col"><span class="sr-only">{{_("common.remove")}}</span></th></tr></thead>
<tbody>
% for m in members:
<tr>
  <td><span data-content>{{m['display_name']}}</span> <span class="meta">(<span data-content>{{m['name']}}</span>)</span></td>
  <td>{{_("role." + m['role'])}}</td>
  <td>{{_("common.yes") if m['can_resolve'] else _("common.no")}}</td>
  <td><form method="post" action="{{url('project_member_remove', project_id=project['id'], user_id=m['user_id'])}}" class="inline">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button type="submit" class="link">{{_("common.remove")}}<span class="sr-only"> <span data-content>{{m['name']}}</span></span></button></form></td>
</tr>
% end
</tbody>
</table>
</section>
% if invitations:
<section class="card">
<h2>{{_("members.pending")}}</h2>
<table>
<thead><tr><th scope="col">{{_("members.invitee")}}</th><th scope="col">{{_("members.role")}}</th><th scope="col"><span class="sr-only">{{_("members.withdraw")}}</span></th></tr></thead>
<tbody>
% for i in invitations:
<tr>
  <td>{{i['invitee']}}</td>
  <td>{{_("role." + i['role'])}}</td>
  <td><form method="post" action="{{url('invitation_withdraw', project_id=project['id'], invitation_id=i['id'])}}" class="inline">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button type="submit" class="link">{{_("members.withdraw")}}<span class="sr-only"> {{i['invitee']}}</span></button></form></td>
</tr>
% end
</tbody>
</table>
</section>
% end
<section class="card">
<h2>{{_("members.invite")}}</h2>
<p class="meta" id="invite-rule">{{_("members.invite_rule")}}</p>
<form method="post" action="{{url('project_members_post', project_id=project['id'])}}" class="row" id="member-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <div><label for="member-name">{{_("members.invitee")}}</label><input id="member-name" name="name" required aria-describedby="invite-rule" autocomplete="off"></div>
  <div><label for="member-role">{{_("members.role")}}</label>
  <select id="member-role" name="role">
  % for r in roles:
    <option value="{{r}}" {{'selected' if r == 'reviewer' else ''}}>{{_("role." + r)}}</option>
  % end
  </select></div>
  <div><label class="choice"><input type="checkbox" name="can_resolve" value="1"> {{_("members.can_resolve")}}</label></div>
  <div><button type="submit" class="primary">{{_("members.invite_submit")}}</button></div>
</form>
</section>
