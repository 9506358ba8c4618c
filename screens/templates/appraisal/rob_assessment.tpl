% rebase('base.tpl')
<section class="card">
<h2>{{state['tool_name']}}: <span data-content>{{study['label']}}</span><span data-content>{{' · ' + state['outcome'] if state['outcome'] else ''}}</span></h2>
<p class="meta"><span data-content>{{owner}}</span>{{' · ' + _("rob.submitted") if state['submitted_at'] else ''}} ·
<a href="{{url('rob_compare', project_id=project['id'], query={'study': study['id'], 'tool': state['tool'], 'outcome': state['outcome']})}}">{{_("rob.compare")}}</a></p>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<form method="post" action="{{url('rob_assessment_post', project_id=project['id'], assessment_id=state['id'])}}" id="rob-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
% for d in state['domains']:
<fieldset><legend>{{d['name']}}</legend>
% if d['questions']:
<details {{'open' if any(d['answers'].values()) else ''}}><summary>{{_("rob.questions")}}</summary>
% end
% for qid, text in d['questions']:
<label for="q-{{d['key']}}-{{qid}}">{{qid}} {{text}}</label>
<select id="q-{{d['key']}}-{{qid}}" name="{{d['key']}}.q.{{qid}}" {{'' if writable else 'disabled'}}><option value=""></option>
% for a in answers:
<option value="{{a}}" {{'selected' if d['answers'][qid] == a else ''}}>{{answer_labels[a]}} ({{a}})</option>
% end
</select>
% end
% if d['questions']:
</details>
% end
% if d['suggested']:
<p class="notice">{{_("rob.suggested")}}: <strong>{{labels.get(d['suggested'], d['suggested'])}}</strong></p>
% end
<label for="j-{{d['key']}}">{{_("rob.judgement")}}</label>
<select id="j-{{d['key']}}" name="{{d['key']}}.judgement" {{'' if writable else 'disabled'}}><option value=""></option>
% for level in state['levels']:
<option value="{{level.key}}" {{'selected' if d['judgement'] == level.key else ''}}>{{labels.get(level.key, level.label)}}</option>
% end
</select>
<label for="s-{{d['key']}}">{{_("rob.support")}}</label>
<textarea id="s-{{d['key']}}" name="{{d['key']}}.support" rows="2" {{'' if writable else 'readonly'}}>{{d['support']}}</textarea>
</fieldset>
% end
<fieldset><legend>{{_("rob.overall")}}</legend>
<p>{{_("rob.derived")}}: <strong>{{labels.get(state['derived'] or '', '—')}}</strong></p>
% if state['note']:
<p class="notice">{{state['note']}}</p>
% end
<label for="override">{{_("rob.override")}}</label>
<select id="override" name="overall.override" {{'' if writable else 'disabled'}}><option value=""></option>
% for level in state['levels']:
<option value="{{level.key}}" {{'selected' if state['override'] == level.key else ''}}>{{labels.get(level.key, level.label)}}</option>
% end
</select>
<label for="reason">{{_("rob.reason")}}</label>
<textarea id="reason" name="overall.reason" rows="2" {{'' if writable else 'readonly'}}>{{state['reason']}}</textarea>
</fieldset>
% if writable:
<button type="submit" class="primary" name="action" value="save">{{_("common.save")}}</button>
<button type="submit" name="action" value="submit">{{_("extraction.save_submit")}}</button>
% end
</form>
</section>
