% rebase('base.tpl')
<section class="card">
<h2>{{_("screening.history")}} · {{_("screening.stage" + str(stage))}}</h2>
% if not rows:
<p class="empty">{{_("common.none")}}</p>
% else:
<table id="history">
<thead><tr><th scope="col">{{_("common.when")}}</th><th scope="col">{{_("screening.record")}}</th><th scope="col">{{_("screening.decision")}}</th><th scope="col">{{_("screening.note")}}</th><th scope="col"></th></tr></thead>
<tbody>
% for r in rows:
<tr><td><time datetime="{{iso_utc(r['at'])}}">{{fmt_datetime(r['at'])}}</time></td><td><span data-content>{{r['title']}}</span> <span class="meta">{{r['year'] or ''}}</span></td>
<td>{{_("decision." + r['decision'])}}</td><td><span data-content>{{r['note']}}</span></td>
<td><a href="{{url('screen', project_id=project['id'], stage=stage)}}?record={{r['record_id']}}">{{_("screening.change")}}</a></td></tr>
% end
</tbody>
</table>
% if len(rows) == 100:
<p><a href="?page={{page + 1}}">{{_("common.next")}}</a></p>
% end
% end
</section>
