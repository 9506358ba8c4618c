<section class="card" id="stopping-card">
<h2>{{_("stopping.title")}}</h2>
<p><strong>{{_("stopping.card_reached", target=round(check['recall_target'] * 100, 1), confidence=round(check['confidence'] * 100, 1), recall=("%.1f" % (100 * check['recall_at_least'])) if check['recall_at_least'] is not None else "–", remaining=check['remaining'])}}</strong></p>
<p><a href="{{url('stopping', project_id=project['id'])}}">{{_("stopping.card_link")}}</a></p>
</section>
