% rebase('base.tpl')
<section class="card">
<p class="meta">{{_("project.type." + project['review_type'])}} · {{_("projects.role")}}: {{_("role." + member['role'])}}</p>
<h2>{{_("project.question")}}</h2>
<p><span data-content>{{project['question'] or _("project.no_question")}}</span></p>
% if any(project[f] for f in ('population', 'exposure', 'comparator', 'outcome')):
<dl class="peco">
% for f in ('population', 'exposure', 'comparator', 'outcome'):
  % if project[f]:
  <dt>{{_("project." + f)}}</dt><dd><span data-content>{{project[f]}}</span></dd>
  % end
% end
</dl>
% end
% for f in ('inclusion_criteria', 'exclusion_criteria'):
  % if project[f]:
  <h3>{{_("project." + f)}}</h3>
  <p class="pre"><span data-content>{{project[f]}}</span></p>
  % end
% end
</section>
% for block in get('overview_blocks', []):
{{!block}}
% end
