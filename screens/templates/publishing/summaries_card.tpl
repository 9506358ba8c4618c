<section class="card">
<h2><a href="{{url('project_summaries', project_id=project['id'])}}">{{_("summaries.title")}}</a></h2>
<ul>
% for code in langs:
% s = found[code]
<li><span lang="{{code}}">{{_(f"summaries.lang_{code}")}}</span>:
{{_(f"summaries.state_{s['state']}") if s else _("summaries.not_started")}}</li>
% end
</ul>
% include("publishing/language_share.tpl", shares=shares)
</section>
