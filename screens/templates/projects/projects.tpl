% rebase('base.tpl')
<div class="pagehead">
<h1>{{_("projects.title")}}</h1>
<p><a class="button primary" href="{{url('project_new')}}">{{_("projects.new")}}</a>
<a class="button" href="{{url('project_import')}}">{{_("exports.import_title")}}</a></p>
</div>
% if invitations:
<section class="card" aria-labelledby="invitations-title">
<h2 id="invitations-title">{{_("invitations.title")}}</h2>
<ul>
% for i in invitations:
  <li><strong>{{i['title']}}</strong> · {{_("invitations.from", inviter=i['invited_by_name'] or "?", role=_("role." + i['role']))}}
    <form method="post" action="{{url('invitation_accept', invitation_id=i['id'])}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <button type="submit" class="primary">{{_("invitations.accept")}}<span class="sr-only"> {{i['title']}}</span></button></form>
    <form method="post" action="{{url('invitation_decline', invitation_id=i['id'])}}" class="inline">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <button type="submit" class="link">{{_("invitations.decline")}}<span class="sr-only"> {{i['title']}}</span></button></form></li>
% end
</ul>
</section>
% end
% if not projects:
<p class="empty">{{_("projects.empty")}}</p>
% else:
<ul class="cards">
% for p in projects:
  <li class="card">
    <h2><a href="{{url('project', project_id=p['id'])}}"><span data-content>{{p['title']}}</span></a></h2>
    <p class="meta">{{_("project.type." + p['review_type'])}} · {{_("projects.role")}}: {{_("role." + p['role'])}}</p>
    % if p['question']:
    <p><span data-content>{{p['question']}}</span></p>
    % end
  </li>
% end
</ul>
% end
