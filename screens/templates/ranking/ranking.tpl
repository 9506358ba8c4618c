% rebase('base.tpl')
% pid = project['id']
<section class="card" id="ranking-model">
<h2>{{_("ranking.title")}}</h2>
% if settings['random_order']:
<p>{{_("ranking.is_random")}}</p>
% elif run:
<p>{{_("ranking.last_trained", at=fmt_datetime(run['trained_at']), decisions=run['decisions'], included=run['included'])}}</p>
% else:
<p>{{_("ranking.not_started")}}</p>
% end
<form method="post" action="{{url('ranking_order', project_id=pid)}}" class="row">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % if settings['random_order']:
  <input type="hidden" name="order" value="ranked">
  <button type="submit">{{_("ranking.use_ranked")}}</button>
  % else:
  <input type="hidden" name="order" value="random">
  <button type="submit">{{_("ranking.use_random")}}</button>
  % end
</form>
<p class="meta">{{_("ranking.blinding_note")}}</p>
</section>
<section class="card" id="ranking-progress">
<h2>{{_("ranking.curve")}}</h2>
<p>{{_("ranking.counts", screened=counts['screened'], total=counts['total'], found=counts['found'])}}</p>
{{!curve_svg}}
<p class="meta">{{_("ranking.curve_help")}}</p>
% if check and check['reached'] and not settings['stopped_at']:
<p><strong>{{_("stopping.card_reached", target=round(check['recall_target'] * 100, 1), confidence=round(check['confidence'] * 100, 1), recall=("%.1f" % (100 * check['recall_at_least'])) if check['recall_at_least'] is not None else "–", remaining=check['remaining'])}}</strong></p>
% end
<p><a href="{{url('stopping', project_id=pid)}}">{{_("stopping.title")}}</a></p>
</section>
