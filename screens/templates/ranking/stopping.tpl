% rebase('base.tpl')
% pid = project['id']
% s = status['settings']
% a = status['answer']
% target, confidence = round(s['recall_target'] * 100, 1), round(s['confidence'] * 100, 1)
<section class="card" id="stopping-estimate" aria-live="polite">
<h2>{{_("stopping.title")}}</h2>
<p>{{_("stopping.target_is", target=target, confidence=confidence)}}</p>
<p>{{_("stopping.method_in_use", method=_("stopping.method." + a['method']))}}</p>
% if s['stopped_at']:
<p id="stopping-answer"><strong>{{_("stopping.stopped", at=fmt_datetime(s['stopped_at']), n=automation)}}</strong></p>
% if status['figures']:
<p class="meta">{{_("stopping.stopped_figures", method=_("stopping.method." + status['figures'].get('method', a['method'])), screened=status['figures'].get('screened', '–'), found=status['figures'].get('found', '–'), recall=fmt_number(100 * status['figures']['recall_at_least'], 1) if status['figures'].get('recall_at_least') is not None else "–", p=fmt_number(status['figures']['p_value'], 3) if status['figures'].get('p_value') is not None else "–")}}</p>
% end
% elif a['needs_sample']:
<p id="stopping-answer">{{_("stopping.not_sampling")}}</p>
<form method="post" action="{{url('stopping_post', project_id=pid)}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <button type="submit" name="action" value="sample">{{_("stopping.begin_sample")}}</button>
</form>
% elif a['method'] == 'random':
% if a['reached']:
<p id="stopping-answer"><strong>{{_("stopping.reached", target=target, confidence=confidence, n=a['sample_size'], found=a['found_in_sample'])}}</strong></p>
% else:
<p id="stopping-answer"><strong>{{_("stopping.more", more=a['more_records'], n=a['sample_size'], found=a['found_in_sample'])}}</strong></p>
% end
% elif a.get('nothing_yet'):
<p id="stopping-answer"><strong>{{_("stopping." + a['nothing_yet'], n=a['screened'])}}</strong></p>
% elif a['reached'] and a.get('by') == 'curve':
<p id="stopping-answer"><strong>{{_("stopping.curve_reached", confidence=confidence, most=a['expected_most'], recall=fmt_number(100 * a['recall_at_least'], 1), found=a['found'], remaining=a['remaining'], p=fmt_number(a['p_value'], 3), backing=fmt_number(curve_backing, 2))}}</strong></p>
% elif a['reached']:
<p id="stopping-answer"><strong>{{_("stopping.ranked_reached", target=target, confidence=confidence, recall=fmt_number(100 * a['recall_at_least'], 1), left=a['most_left'], remaining=a['remaining'])}}</strong></p>
% else:
<p id="stopping-answer"><strong>{{_("stopping.ranked_more", more=a['more_records'], confidence=confidence, recall=fmt_number(100 * a['recall_at_least'], 1), left=a['most_left'], remaining=a['remaining'])}}</strong></p>
% if a.get('curve_status'):
<p class="meta" id="stopping-curve">{{_("stopping.curve_also")}} {{_("stopping.curve_status." + a['curve_status'], most=a['expected_most'] if a['expected_most'] is not None else "–", confidence=confidence, found=a['found'], share=curve_share, least=curve_min, p=fmt_number(a['p_value'], 3), backing=fmt_number(curve_backing, 2))}}</p>
% end
% end
% if not s['stopped_at'] and not a['needs_sample']:
% if a['p_value'] is not None:
<p class="meta">{{_("stopping.p_value", p=fmt_number(a['p_value'], 3), remaining=a['remaining'])}}</p>
% end
% if status['check']:
<p class="meta">{{_("stopping.checked_at", at=fmt_datetime(status['check']['checked_at']), screened=status['check']['screened'])}}</p>
% end
% end
% if not s['stopped_at']:
<p class="meta">{{_("stopping.lead_decides", remaining=a['remaining'])}}</p>
<form method="post" action="{{url('stopping_post', project_id=pid)}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <button type="submit" name="action" value="stop">{{_("stopping.stop")}}</button>
</form>
% end
</section>
<section class="card" id="stopping-method">
<h2>{{_("stopping.choose_method")}}</h2>
<form method="post" action="{{url('stopping_post', project_id=pid)}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="action" value="method">
  <fieldset>
  <legend>{{_("stopping.method_legend")}}</legend>
  % for choice in choices:
  <div><label class="choice" for="method-{{choice}}"><input type="radio" id="method-{{choice}}" name="method" value="{{choice}}" {{'checked' if choice == a['method'] else ''}} aria-describedby="method-{{choice}}-help"> <strong>{{_("stopping.method." + choice)}}</strong></label>
  <p class="meta choice-help" id="method-{{choice}}-help">{{_("stopping.method_help." + choice, backing=fmt_number(curve_backing, 2))}}</p></div>
  % end
  </fieldset>
  <button type="submit"{{' disabled' if s['stopped_at'] else ''}}>{{_("common.save")}}</button>
</form>
</section>
<section class="card" id="stopping-assumptions">
<h2>{{_("stopping.assumptions")}}</h2>
<ul>
% for key in assumptions:
<li>{{_(key, least=round(100 * (1 - curve_backing)))}}</li>
% end
</ul>
<p class="meta">{{_("stopping.method_cite." + a['method'], backing=fmt_number(curve_backing, 2))}}</p>
</section>
<section class="card">
<h2>{{_("stopping.settings")}}</h2>
<form method="post" action="{{url('stopping_post', project_id=pid)}}" class="row">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="action" value="target">
  <div><label for="recall_target">{{_("stopping.recall_target")}}</label>
  <input id="recall_target" name="recall_target" inputmode="decimal" value="{{target}}"></div>
  <div><label for="confidence">{{_("stopping.confidence")}}</label>
  <input id="confidence" name="confidence" inputmode="decimal" value="{{confidence}}"></div>
  <div><button type="submit">{{_("common.save")}}</button></div>
</form>
</section>
