% rebase('base.tpl')
<div class="editor-grid">
<section class="card" aria-labelledby="editor-heading">
<h2 id="editor-heading">{{title}}</h2>
% if summary:
<p class="meta">{{_("summaries.state")}}: <strong>{{_(f"summaries.state_{summary['state']}")}}</strong>
% if summary['approved_version_id'] and summary['latest'] and summary['approved_version_id'] == summary['latest']['id']:
· {{_("summaries.approved")}}
% end
% if summary['published_version_id'] and not summary['withdrawn_at']:
· <a href="/portal/{{summary_lang}}/{{summary['id']}}">{{_("summaries.view_public")}}</a>
% end
</p>
% end
% if error:
<p class="error" role="alert" id="summary-error">{{error}}</p>
% end
<p class="notice" id="next-step">{{_(next_step, fields=', '.join(missing))}}</p>
% if draft:
<div class="notice" id="draft-notice"><p>{{_("summaries.draft_notice", at=fmt_datetime(draft['saved_at']))}}</p>
<form method="post" action="{{url('summary_discard', project_id=project['id'], lang=summary_lang)}}" class="inline" data-confirm="{{_('summaries.discard_confirm')}}">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<button type="submit" class="link" id="discard-draft">{{_("summaries.discard_draft")}}</button></form></div>
% end
% if newer and (newer['versions'] or newer['drafts']):
<section class="notice others" id="others-notice" aria-labelledby="others-heading">
<h3 id="others-heading">{{_("summaries.others_heading")}}</h3>
<ul>
% for line in newer_lines:
<li>{{line}}</li>
% end
</ul>
% for v in newer['versions'][-3:]:
<details class="other-text"><summary>{{_("summaries.show_version", number=v['number'], who=v['user_name'])}}</summary>
<div class="pre" lang="{{summary_lang}}" data-content>{{full_text(v['content'])}}</div></details>
% end
% for d in newer['drafts']:
<details class="other-text"><summary>{{_("summaries.show_draft", who=d['user_name'])}}</summary>
<div class="pre" lang="{{summary_lang}}" data-content>{{full_text(d['content'])}}</div></details>
% end
% if newer['versions'] and not summary['state'] == 'in_review':
<p>{{_("summaries.others_what_now", number=seen_version)}}</p>
% end
</section>
% end
% if can_write:
<div class="notice others" id="others-live" role="status" aria-live="polite" hidden>
<p>{{_("summaries.others_live")}}</p><ul></ul>
<p><button type="button" class="link" id="others-reload">{{_("summaries.others_reload")}}</button></p></div>
% end
% if can_write and not (summary and summary['state'] == 'in_review'):
<form method="post" action="{{url('summary_save', project_id=project['id'], lang=summary_lang)}}" id="summary-form" lang="{{summary_lang}}"
      data-draft="{{url('summary_draft', project_id=project['id'], lang=summary_lang)}}" data-newer="{{newer_key}}">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<input type="hidden" name="base_version" value="{{base_version}}" autocomplete="off">
<input type="hidden" name="seen_version" value="{{seen_version}}" autocomplete="off">
<div class="field"><label for="f-title">{{_("summaries.field_title")}}</label>
<input id="f-title" name="title" value="{{content['title']}}"></div>
<fieldset><legend>{{_("summaries.key_messages")}}</legend>
% messages = (content['key_messages'] + ['', '', ''])[:3]
% for i, message in enumerate(messages):
<div class="field"><label for="f-key-{{i}}">{{_("summaries.key_message_n", n=i + 1)}}</label>
<textarea id="f-key-{{i}}" name="key_message" rows="2">{{message}}</textarea></div>
% end
</fieldset>
% for section in ("why", "what_for", "what_did", "what_found"):
<div class="field"><label for="f-{{section}}">{{_("portal." + section)}}</label>
<textarea id="f-{{section}}" name="{{section}}" rows="5">{{content[section]}}</textarea></div>
% end
<fieldset><legend>{{_("summaries.findings")}}</legend>
% rows = content['findings'] + [{"outcome": "", "certainty": "", "text": ""}] * 2
% for i, finding in enumerate(rows):
<div class="finding" role="group" aria-labelledby="finding-{{i}}">
<p id="finding-{{i}}" class="meta">{{_("summaries.finding_n", n=i + 1)}}</p>
<div class="field"><label for="f-outcome-{{i}}">{{_("summaries.outcome")}}</label>
<input id="f-outcome-{{i}}" name="finding_outcome" value="{{finding['outcome']}}"></div>
<div class="field"><label for="f-certainty-{{i}}">{{_("summaries.certainty")}}</label>
<select id="f-certainty-{{i}}" name="finding_certainty">
<option value="">{{_("portal.certainty_")}}</option>
% for cert in certainties:
<option value="{{cert}}" {{'selected' if cert == finding['certainty'] else ''}}>{{_("portal.certainty_" + cert)}}</option>
% end
</select></div>
<div class="field"><label for="f-finding-{{i}}">{{_("summaries.finding_text")}}</label>
<textarea id="f-finding-{{i}}" name="finding_text" rows="2">{{finding['text']}}</textarea></div>
</div>
% end
</fieldset>
% for section in ("limitations", "up_to_date", "workplaces"):
<div class="field"><label for="f-{{section}}">{{_("portal." + section)}}</label>
<textarea id="f-{{section}}" name="{{section}}" rows="4">{{content[section]}}</textarea></div>
% end
<div class="field"><label for="f-report">{{_("summaries.report_url")}}</label>
<input id="f-report" name="report_url" type="url" value="{{content['report_url']}}"></div>
<div class="field"><label for="f-topics">{{_("summaries.topics")}}</label>
<input id="f-topics" name="topics" value="{{topics}}"></div>
<div class="actions save-row">
<button type="submit" class="primary" name="intent" value="version" id="save-version">{{_("summaries.save")}}</button>
<button type="submit" name="intent" value="draft" id="save-draft">{{_("summaries.save_draft")}}</button>
<span class="meta" id="draft-status" role="status" aria-live="polite" data-failed="{{_('summaries.draft_failed')}}"></span>
</div>
% if newer and newer['versions']:
<div class="actions save-row">
<button type="submit" name="intent" value="overwrite" id="save-over">{{_("summaries.save_over", number=seen_version)}}</button>
</div>
<p class="meta">{{_("summaries.save_over_help", number=seen_version)}}</p>
% end
<p class="meta">{{_("summaries.save_help")}}</p>
</form>
% elif not can_write:
<p class="notice">{{_("summaries.read_only")}}</p>
% end
% if actions:
<div class="actions" id="summary-actions">
% for action in actions:
<form method="post" action="{{url('summary_action', project_id=project['id'], lang=summary_lang, action=action)}}" class="inline"
      % if action in ('publish', 'withdraw'):
      data-confirm="{{_('summaries.confirm_publish') if action == 'publish' else _('summaries.confirm_withdraw')}}"
% end
      >
<input type="hidden" name="csrf_token" value="{{csrf}}">
% if action == 'return':
<label for="return-note" class="sr-only">{{_("summaries.return_note")}}</label>
<input id="return-note" name="note" placeholder="{{_('summaries.return_note')}}">
% end
<button type="submit" id="action-{{action}}" class="{{'primary' if action in ('approve', 'publish', 'submit') else ''}}">{{_(f"summaries.action_{action}")}}</button>
</form>
% end
</div>
% end
</section>
<aside class="card" aria-labelledby="readability-heading" id="readability"
       data-bands="{{json_bands}}" data-words="{{_('summaries.words', n='{n}')}}" data-decimal="."
       data-length-short="{{_('summaries.length_short')}}" data-length-ok="{{_('summaries.length_ok')}}" data-length-long="{{_('summaries.length_long')}}"
       data-lix="{{_('summaries.lix', lix='{lix}', band='{band}')}}" data-lix-none="{{_('summaries.lix_none')}}"
       data-parts="{{_('summaries.lix_parts', per='{per}', long='{long}', share='{share}')}}"
       data-sentence-words="{{_('summaries.sentence_words', n='{n}')}}">
<h2 id="readability-heading">{{_("summaries.readability")}}</h2>
<p id="words-line">{{_("summaries.words", n=measured.words)}} – {{_(f"summaries.length_{measured.length_status}")}}</p>
<p><strong id="lix-line">{{_("summaries.lix", lix="%.1f" % measured.lix, band=band) if measured.words else _("summaries.lix_none")}}</strong></p>
<p class="meta" id="lix-parts">{{_("summaries.lix_parts", per="%.1f" % (measured.words / measured.sentences), long=measured.long_words, share="%.1f" % (100.0 * measured.long_words / measured.words)) if measured.words else ''}}</p>
<p class="meta">{{_("summaries.lix_help")}}</p>
<h3>{{_("summaries.long_sentences")}}</h3>
<ol lang="{{summary_lang}}" id="long-sentences" data-content>
% for sentence, n in long_sentences[:8]:
<li><mark class="long-sentence">{{sentence}}</mark> <span class="meta">{{_("summaries.sentence_words", n=n)}}</span></li>
% end
</ol>
<p class="empty" id="long-none"{{!' hidden' if long_sentences else ''}}>{{_("summaries.long_none")}}</p>
<details open><summary>{{_("summaries.marked_text")}}</summary>
<p class="meta">{{_("summaries.marked_legend")}}</p>
<div class="pre marked" lang="{{summary_lang}}" id="marked-text" data-content>\\
% for piece, kind in marks:
% if 'word' in kind:
<mark class="{{' '.join('long-' + k for k in kind.split())}}">{{piece}}</mark>\\
% elif kind:
<span class="long-sentence">{{piece}}</span>\\
% else:
<span data-content>{{piece}}</span>\\
% end
% end
</div></details>
<h3>{{_("summaries.grade")}}</h3>
% if grade:
% for g in grade:
<details><summary><span data-content>{{g['name']}}</span>: {{_("portal.certainty_" + g['certainty'])}}</summary>
<ul>
% for option in g['options']:
<li><span lang="en">{{option['en']}}</span> / <span lang="nb">{{option['nb']}}</span></li>
<li class="nynorsk">{{_("summaries.lang_nn")}}: <span lang="nn">{{option['nn']}}</span></li>
% end
</ul></details>
% end
% else:
<p class="empty">{{_("summaries.grade_none")}}</p>
% end
% if history or versions:
<h3>{{_("summaries.history")}}</h3>
<ul>
% for h in history:
<li><time datetime="{{iso_utc(h['at'])}}">{{fmt_datetime(h['at'])}}</time>: <span data-content>{{h['user_name']}}</span> – {{_(f"summaries.event_{h['action']}")}}</li>
% end
</ul>
<h3>{{_("summaries.versions")}}</h3>
<ul>
% for v in reversed(versions):
<li>{{_("summaries.version_line", n=v['number'], at=fmt_datetime(v['saved_at']))}}</li>
% end
</ul>
% end
</aside>
</div>
