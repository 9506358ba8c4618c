<section class="card" id="screening-card">
<h2><a href="{{url('screening', project_id=project['id'])}}">{{_("screening.tab")}}</a></h2>
<ul>
% for p in stages:
<li>{{_("screening.stage" + str(p['stage']))}}: {{_("screening.team_complete", done=p['complete'], total=p['total'])}}
% if member['role'] in ('lead', 'reviewer'):
 · {{_("screening.mine")}}: {{fmt_number(p['mine'])}} · <a href="{{url('screen', project_id=project['id'], stage=p['stage'])}}">{{_("screening.start")}}</a>
% end
</li>
% end
</ul>
</section>
