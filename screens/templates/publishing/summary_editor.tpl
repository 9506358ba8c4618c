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
% if can_write and not (summary and summary['state'] == 'in_review'):
<form method="post" action="{{url('summary_save', project_id=project['id'], lang=summary_lang)}}" id="summary-form" lang="{{summary_lang}}">
<input type="hidden" name="csrf_token" value="{{csrf}}">
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
<button type="submit" class="primary">{{_("summaries.save")}}</button>
</form>
% elif not can_write:
<p class="notice">{{_("summaries.read_only")}}</p>
% end
% if actions:
<div class="actions">
% for action in actions:
<form method="post" action="{{url('summary_action', project_id=project['id'], lang=summary_lang, action=action)}}" class="inline">
<input type="hidden" name="csrf_token" value="{{csrf}}">
<button type="submit" class="{{'primary' if action in ('approve', 'publish') else ''}}">{{_(f"summaries.action_{action}")}}</button>
</form>
% end
</div>
% end
</section>
<aside class="card" aria-labelledby="readability-heading">
<h2 id="readability-heading">{{_("summaries.readability")}}</h2>
<p>{{_("summaries.words", n=measured.words)}} – {{_(f"summaries.length_{measured.length_status}")}}</p>
<p><strong>{{_("summaries.lix", lix=measured.lix, band=band)}}</strong></p>
<p class="meta">{{_("summaries.lix_help")}}</p>
<h3>{{_("summaries.hard_sentences")}}</h3>
% if measured.hard_sentences:
<ol lang="{{summary_lang}}">
% for s in measured.hard_sentences[:8]:
<li><mark><span data-content>{{s.text}}</span></mark> <span class="meta">(LIX {{round(s.lix)}})</span></li>
% end
</ol>
<details><summary>{{_("summaries.marked_text")}}</summary>
<div class="pre" lang="{{summary_lang}}">
% for piece, hard in pieces:
% if hard:
<mark><span data-content>{{piece}}</span></mark>\\
% else:
<span data-content>{{piece}}</span>\\
% end
% end
</div></details>
% else:
<p class="empty">{{_("summaries.hard_none")}}</p>
% end
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
