% rebase('base.tpl')
% hidden = {'hide': '1'} if hide else {}
<div class="screenbar">
  <p class="meta" id="progress">{{_("screening.stage" + str(stage))}} ·
    {{_("screening.mine")}}: <strong id="mine-count">{{progress['mine']}}</strong> ·
    {{_("screening.team_complete", done=progress['complete'], total=progress['total'])}}</p>
  <p class="meta screenlinks">
    <a href="{{url('screen_history', project_id=project['id'], stage=stage)}}">{{_("screening.history")}}</a> ·
    % if hide:
    <a href="{{url('screen', project_id=project['id'], stage=stage)}}{{'?record=' + str(record['id']) if record else ''}}" id="toggle-hide">{{_("screening.show_meta")}}</a> ·
    % else:
    <a href="{{url('screen', project_id=project['id'], stage=stage)}}?hide=1{{'&record=' + str(record['id']) if record else ''}}" id="toggle-hide">{{_("screening.hide_meta")}}</a> ·
    % end
    <a href="#keys" id="keys-link">{{_("screening.keys")}} (?)</a>
  </p>
</div>
<details class="card criteria" id="criteria">
  <summary>{{_("screening.criteria")}}</summary>
  <p><strong>{{_("project.question")}}:</strong> {{project['question'] or _("project.no_question")}}</p>
  % for f in ('population', 'exposure', 'comparator', 'outcome', 'inclusion_criteria', 'exclusion_criteria'):
  % if project[f]:
  <h3>{{_("project." + f)}}</h3><p class="pre">{{project[f]}}</p>
  % end
  % end
</details>
% if error:
<p class="error" role="alert" id="screen-error">{{error}}</p>
% else:
<p class="error" role="alert" id="screen-error" hidden></p>
% end
% if record is None:
<section class="card" id="done">
  <h2>{{_("screening.done")}}</h2>
  <p>{{_("screening.pilot_wait") if pilot_open else _("screening.done_text")}}</p>
  % if stage == 2 and get('blinded'):
  <p id="release-wait">{{_("release.waiting")}}</p>
  % end
  <p><a href="{{url('screening', project_id=project['id'])}}">{{_("screening.overview")}}</a></p>
</section>
% else:
<article class="card record" id="record" data-record="{{record['id']}}" data-hide="{{'1' if hide else '0'}}">
  <h2 id="rec-title">\\
% include('marked.tpl', segs=record['title_marked'])
</h2>
  <p class="meta" id="rec-meta"><span id="rec-journal"{{!' hidden' if hide else ''}}>{{record['journal']}} · </span><span id="rec-year">{{record['year'] or ''}}</span></p>
  <p class="meta" id="rec-authors"{{!' hidden' if hide else ''}}>{{'; '.join(record['authors'])}}</p>
  <div id="rec-abstract" class="abstract">\\
% include('marked.tpl', segs=record['abstract_marked'])
</div>
  <p class="meta" id="rec-keywords">
  % for k in record['keywords_marked']:
  <span class="kw">\\
% include('marked.tpl', segs=k)
</span>
  % end
  </p>
  % if stage == 2:
  % include('fulltext_block.tpl', record=record)
  % end
</article>
<form method="post" action="{{url('screen_decide', project_id=project['id'], stage=stage)}}" id="decide-form" class="card decide"
      data-next="{{url('screen_next', project_id=project['id'], stage=stage)}}" data-stage="{{stage}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="record_id" value="{{record['id']}}" id="record-id">
  % if hide:
  <input type="hidden" name="hide" value="1">
  % end
  % mine = record['mine']
  % if mine:
  <p class="notice" id="mine">{{_("screening.your_decision")}}: <strong>{{_("decision." + mine['decision'])}}</strong>. {{_("screening.change_hint")}}</p>
  <label for="change-reason">{{_("screening.change_reason")}}</label>
  <input id="change-reason" name="change_reason" required>
  % end
  % if stage == 2:
  <fieldset id="reasons"><legend>{{_("screening.reason")}}</legend>
  % for n, r in enumerate(reasons, start=1):
    <label class="choice"><input type="radio" name="reason_id" value="{{r['id']}}" data-key="{{n}}"> <kbd>{{n}}</kbd> {{r['label']}}</label>
  % end
  </fieldset>
  % end
  <div class="notes">
    <div><label for="note">{{_("screening.note")}} <kbd>N</kbd></label><textarea id="note" name="note" rows="2"></textarea></div>
    <div><label for="labels">{{_("screening.labels")}}</label><input id="labels" name="labels" placeholder="{{_('screening.labels_hint')}}"></div>
  </div>
  <div class="buttons">
    <button type="submit" name="decision" value="include" class="inc" id="btn-include"><kbd>I</kbd> {{_("decision.include")}}</button>
    <button type="submit" name="decision" value="exclude" class="exc" id="btn-exclude"><kbd>E</kbd> {{_("decision.exclude")}}</button>
    % if stage == 1:
    <button type="submit" name="decision" value="maybe" id="btn-maybe"><kbd>M</kbd> {{_("decision.maybe")}}</button>
    % end
  </div>
</form>
% end
<form method="post" action="{{url('screen_undo', project_id=project['id'], stage=stage)}}" id="undo-form" class="inline">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % if hide:
  <input type="hidden" name="hide" value="1">
  % end
  <button type="submit" id="btn-undo"><kbd>U</kbd> {{_("screening.undo")}}</button>
</form>
<section class="card keys" id="keys">
  <h2>{{_("screening.keys")}}</h2>
  <dl class="peco">
    <dt><kbd>I</kbd></dt><dd>{{_("decision.include")}}</dd>
    <dt><kbd>E</kbd></dt><dd>{{_("decision.exclude")}}</dd>
    % if stage == 1:
    <dt><kbd>M</kbd></dt><dd>{{_("decision.maybe")}}</dd>
    % else:
    <dt><kbd>1</kbd>–<kbd>9</kbd></dt><dd>{{_("screening.key_reason")}}</dd>
    % end
    <dt><kbd>U</kbd></dt><dd>{{_("screening.undo")}}</dd>
    <dt><kbd>N</kbd></dt><dd>{{_("screening.key_note")}}</dd>
    <dt><kbd>C</kbd></dt><dd>{{_("screening.criteria")}}</dd>
    <dt><kbd>?</kbd></dt><dd>{{_("screening.keys")}}</dd>
  </dl>
</section>
