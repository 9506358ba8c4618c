<section class="card">
<h2>{{_("grade.card")}}</h2>
<p class="meta">{{_("grade.card_studies", n=n_studies)}}, {{_("grade.card_outcomes", n=len(outcomes))}}</p>
% if outcomes:
<ul>
% for o in outcomes:
<li><span data-content>{{o['name']}}</span>: {{o['symbol']}} {{_('grade.certainty.' + o['certainty'])}}</li>
% end
</ul>
% end
<p><a href="{{url('grade', project_id=project['id'])}}">{{_("grade.sof")}}</a></p>
</section>
