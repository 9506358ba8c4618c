% rebase('base.tpl')
% pid = project['id']
% s = status['settings']
% e = status['estimate']
<section class="card" id="stopping-estimate">
<h2>{{_("stopping.title")}}</h2>
<p>{{_("stopping.target_is", target=round(s['recall_target'] * 100, 1), confidence=round(s['confidence'] * 100, 1))}}</p>
% if s['stopped_at']:
<p id="stopping-answer"><strong>{{_("stopping.stopped", at=fmt_datetime(s['stopped_at']), n=automation)}}</strong></p>
% elif e is None:
<p id="stopping-answer">{{_("stopping.not_sampling")}}</p>
<form method="post" action="{{url('stopping_post', project_id=pid)}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <button type="submit" name="action" value="sample">{{_("stopping.begin_sample")}}</button>
</form>
% elif e.reached:
<p id="stopping-answer"><strong>{{_("stopping.reached", target=round(s['recall_target'] * 100, 1), confidence=round(s['confidence'] * 100, 1), n=e.sample_size, found=e.found_in_sample)}}</strong></p>
% else:
<p id="stopping-answer"><strong>{{_("stopping.more", more=e.more_records, n=e.sample_size, found=e.found_in_sample)}}</strong></p>
% end
% if e is not None and not s['stopped_at']:
<p class="meta">{{_("stopping.p_value", p=fmt_number(e.p_value, 3) if e.p_value is not None else "–", remaining=e.remaining)}}</p>
<form method="post" action="{{url('stopping_post', project_id=pid)}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <button type="submit" name="action" value="stop">{{_("stopping.stop")}}</button>
</form>
% end
</section>
<section class="card" id="stopping-assumptions">
<h2>{{_("stopping.assumptions")}}</h2>
<ul>
% for key in assumptions:
<li>{{_(key)}}</li>
% end
</ul>
<p class="meta">{{_("stopping.method")}}</p>
</section>
<section class="card">
<h2>{{_("stopping.settings")}}</h2>
<form method="post" action="{{url('stopping_post', project_id=pid)}}" class="row">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="action" value="target">
  <div><label for="recall_target">{{_("stopping.recall_target")}}</label>
  <input id="recall_target" name="recall_target" inputmode="decimal" value="{{fmt_number(round(s['recall_target'] * 100, 1))}}"></div>
  <div><label for="confidence">{{_("stopping.confidence")}}</label>
  <input id="confidence" name="confidence" inputmode="decimal" value="{{fmt_number(round(s['confidence'] * 100, 1))}}"></div>
  <div><button type="submit">{{_("common.save")}}</button></div>
</form>
</section>
