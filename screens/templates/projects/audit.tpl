% rebase('base.tpl')
<section class="card">
<h2>{{_("project.audit")}}</h2>
% if blinded:
<p class="meta" id="audit-blinded">{{_("audit.blinded")}}</p>
% end
% if not events:
<p class="empty">{{_("audit.empty")}}</p>
% else:
<table class="audit">
<thead><tr><th scope="col">{{_("common.when")}}</th><th scope="col">{{_("common.who")}}</th><th scope="col">{{_("common.what")}}</th><th scope="col">{{_("common.details")}}</th></tr></thead>
<tbody>
% for e in events:
<tr><td><time datetime="{{e['at']}}">{{fmt_datetime(e['at'])}}</time></td><td><span data-content>{{e['user_name'] or '—'}}</span></td>
<td>{{actions.get(e['action'], '')}} <code data-content>{{e['action']}}</code> <span data-content>{{e['subject']}}</span></td>
<td><span data-content>{{', '.join(f'{k}: {v}' for k, v in e['detail'].items())}}</span></td></tr>
% end
</tbody>
</table>
% if len(events) >= 200:
<p><a href="?before={{events[-1]['id']}}">{{_("audit.older")}}</a></p>
% end
% end
</section>
