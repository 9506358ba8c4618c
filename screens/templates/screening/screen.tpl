% rebase('base.tpl')
% hidden = {'hide': '1'} if hide else {}
<div class="screenbar">
  <p class="meta" id="progress">{{_("screening.stage" + str(stage))}} ·
    {{_("screening.mine")}}: <strong id="mine-count">{{fmt_number(progress['mine'])}}</strong> ·
    <span id="team-count" data-template="{{_('screening.team_complete', done='{done}', total=progress['total'])}}">{{_("screening.team_complete", done=progress['complete'], total=progress['total'])}}</span></p>
  <p class="meta screenlinks">
    <a href="{{url('screen_history', project_id=project['id'], stage=stage)}}">{{_("screening.history")}}</a> ·
    % if hide:
    <a href="{{url('screen', project_id=project['id'], stage=stage)}}{{'?record=' + str(record['id']) if record else ''}}" id="toggle-hide" data-record-link>{{_("screening.show_meta")}}</a> ·
    % else:
    <a href="{{url('screen', project_id=project['id'], stage=stage)}}?hide=1{{'&record=' + str(record['id']) if record else ''}}" id="toggle-hide" data-record-link>{{_("screening.hide_meta")}}</a> ·
    % end
    <a href="#keys" id="keys-link" aria-haspopup="dialog">{{_("screening.keys")}} (?)</a>
  </p>
</div>
<p class="meta status-line" id="screen-status" role="status"
   data-include="{{_('screening.decided.include', title='{title}')}}"
   data-exclude="{{_('screening.decided.exclude', title='{title}')}}"
   data-exclude-reason="{{_('screening.decided.exclude_reason', title='{title}', reason='{reason}')}}"
   data-maybe="{{_('screening.decided.maybe', title='{title}')}}"
   data-undone="{{_('screening.undone')}}"></p>
<details class="card criteria" id="criteria">
  <summary>{{_("screening.criteria")}}</summary>
  <p><strong>{{_("project.question")}}:</strong> <span data-content>{{project['question'] or _("project.no_question")}}</span></p>
  % for f in ('population', 'exposure', 'comparator', 'outcome', 'inclusion_criteria', 'exclusion_criteria'):
  % if project[f]:
  <h3>{{_("project." + f)}}</h3><p class="pre"><span data-content>{{project[f]}}</span></p>
  % end
  % end
</details>
% if record is None:
% include('screening/screen_error.tpl')
<section class="card" id="done">
  <h2>{{_("screening.done")}}</h2>
  <p>{{_("screening.pilot_wait") if pilot_open else _("screening.done_text")}}</p>
  % if stage == 2 and get('blinded'):
  <p id="release-wait">{{_("release.waiting")}}</p>
  % end
  <p><a href="{{url('screening', project_id=project['id'])}}">{{_("screening.overview")}}</a></p>
</section>
% else:
<div class="screen" id="screen-area">
<article class="card record" id="record" data-record="{{record['id']}}" data-hide="{{'1' if hide else '0'}}"
         aria-labelledby="rec-title">
  <header class="rec-head">
  <h2 id="rec-title" tabindex="-1" data-content>\\
% include('screening/marked.tpl', segs=record['title_marked'])
</h2>
  <p class="meta" id="rec-meta"><span id="rec-journal"{{!' hidden' if hide else ''}}><span data-content>{{record['journal']}}</span> · </span><span id="rec-year">{{record['year'] or ''}}</span></p>
  </header>
  <p class="meta" id="rec-authors"{{!' hidden' if hide else ''}}><span data-content>{{'; '.join(record['authors'])}}</span></p>
  <div id="rec-abstract" class="abstract" data-content>
  % for section in record['abstract_sections']:
  <p>\\
  % if section['label']:
<strong class="abs-label">{{section['label']}}</strong> \\
  % end
% include('screening/marked.tpl', segs=section['marked'])
</p>
  % end
  </div>
  % shown = record['keywords_shown']
  % keywords = record['keywords_marked']
  <div class="keywords" id="rec-keywords" data-shown="{{shown}}"{{!'' if keywords else ' hidden'}}>
    <h3 class="sr-only">{{_("screening.keywords")}}</h3>
    <p class="meta kwlist">\\
  % for k in keywords[:shown]:
<span class="kw" data-content>\\
% include('screening/marked.tpl', segs=k)
</span> \\
  % end
</p>
    <details class="kwmore" id="kw-more"{{!'' if len(keywords) > shown else ' hidden'}}>
      <summary id="kw-more-label">{{_("screening.more_keywords", n=max(0, len(keywords) - shown))}}</summary>
      <p class="meta kwlist">\\
  % for k in keywords[shown:]:
<span class="kw" data-content>\\
% include('screening/marked.tpl', segs=k)
</span> \\
  % end
</p>
    </details>
  </div>
  % if stage == 2:
  % include('screening/fulltext_block.tpl', record=record)
  % end
</article>
<form method="post" action="{{url('screen_decide', project_id=project['id'], stage=stage)}}" id="decide-form" class="card decide"
      data-next="{{url('screen_next', project_id=project['id'], stage=stage)}}" data-stage="{{stage}}">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="record_id" value="{{record['id']}}" id="record-id">
  % if hide:
  <input type="hidden" name="hide" value="1">
  % end
  <div class="notes">
    <div><label for="note">{{_("screening.note")}} <kbd>N</kbd></label><textarea id="note" name="note" rows="2"></textarea></div>
    <div><label for="labels">{{_("screening.labels")}}</label><input id="labels" name="labels" placeholder="{{_('screening.labels_hint')}}"></div>
  </div>
</form>
<div class="decisionbar" id="decisionbar" role="group" aria-label="{{_('screening.decision')}}">
  % # in the bar, which is always in view, so that a refusal is seen wherever the reader has scrolled to
  % include('screening/screen_error.tpl')
  % mine = record['mine']
  % if mine:
  <p class="notice" id="mine">{{_("screening.your_decision")}}: <strong>{{_("decision." + mine['decision'])}}</strong>. {{_("screening.change_hint")}}</p>
  <div class="barfield"><label for="change-reason">{{_("screening.change_reason")}}</label>
  <input id="change-reason" name="change_reason" form="decide-form" required></div>
  % end
  % if stage == 2:
  <div class="barfield" id="reasons"><label for="reason-id">{{_("screening.reason")}} <span class="keyhint"><kbd>1</kbd>–<kbd>9</kbd></span></label>
  <select id="reason-id" name="reason_id" form="decide-form" data-needed="{{_('error.screening.reason_needed')}}">
    <option value="">–</option>
  % for n, r in enumerate(reasons, start=1):
    <option value="{{r['id']}}"{{!' data-key="%d"' % n if n <= 9 else ''}} data-label="{{r['label']}}" data-content>{{n}} · {{r['label']}}</option>
  % end
  </select></div>
  % end
  <div class="buttons">
    <button type="submit" form="decide-form" name="decision" value="include" class="inc" id="btn-include"><kbd>I</kbd> {{_("decision.include")}}</button>
    <button type="submit" form="decide-form" name="decision" value="exclude" class="exc" id="btn-exclude"><kbd>E</kbd> {{_("decision.exclude")}}</button>
    % if stage == 1:
    <button type="submit" form="decide-form" name="decision" value="maybe" id="btn-maybe"><kbd>M</kbd> {{_("decision.maybe")}}</button>
    % end
    <button type="submit" form="undo-form" id="btn-undo" class="undo" title="{{_('screening.undo')}}"><kbd>U</kbd> {{_("screening.undo_short")}}</button>
  </div>
</div>
</div>
% end
<form method="post" action="{{url('screen_undo', project_id=project['id'], stage=stage)}}" id="undo-form" class="inline">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % if hide:
  <input type="hidden" name="hide" value="1">
  % end
  % if record is None:
  <button type="submit" id="btn-undo"><kbd>U</kbd> {{_("screening.undo")}}</button>
  % end
</form>
<dialog class="card keys" id="keys" aria-labelledby="keys-title">
  <h2 id="keys-title">{{_("screening.keys")}}</h2>
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
    <dt><kbd>Esc</kbd></dt><dd>{{_("screening.key_close")}}</dd>
  </dl>
  <form method="dialog"><button type="submit" id="keys-close" class="primary">{{_("screening.close")}}</button></form>
</dialog>
