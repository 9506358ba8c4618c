% rebase('base.tpl')
<section class="card">
<h2>{{_("agreement.title")}} · {{_("screening.stage" + str(stage))}}</h2>
% if rows:
% include('screening/agreement_table.tpl', rows=rows)
<p><a href="{{url('agreement_csv', project_id=project['id'], stage=stage)}}">{{_("agreement.csv")}}</a></p>
% else:
<p class="empty">{{_("common.none")}}</p>
% end
<p class="meta">{{_("agreement.note")}}</p>
</section>
