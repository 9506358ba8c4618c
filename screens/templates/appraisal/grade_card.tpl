<section class="card">
<h2>{{_("grade.card")}}</h2>
<p class="meta">{{_("grade.card_counts", studies=n_studies, outcomes=len(outcomes))}}</p>
% if outcomes:
<ul>
% for o in outcomes:
<li>{{o['name']}}: {{o['symbol']}} {{o['label']}}</li>
% end
</ul>
% end
<p><a href="{{url('grade', project_id=project['id'])}}">{{_("grade.sof")}}</a></p>
</section>
