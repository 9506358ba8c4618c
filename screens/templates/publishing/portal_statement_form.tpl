% rebase('base.tpl')
<h1>{{title}}</h1>
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<section class="card">
<p class="meta">{{_("publishing.statement_admin_help")}}</p>
% if axe:
<p>{{_("statement.tests_text", axe=axe.get("axe_version", "?"), date=axe.get("date", "")[:10], pages=axe.get("pages", 0))}}
{{_("statement.tests_result", serious=axe.get("serious", 0), other=axe.get("other", 0))}}</p>
% else:
<p class="empty">{{_("statement.tests_none")}}</p>
% end
<form method="post" action="{{url('admin_statement_post')}}" id="statement-form">
<input type="hidden" name="csrf_token" value="{{csrf}}">
% for field in fields:
<div class="field"><label for="f-{{field}}">{{_(f"publishing.field_{field}")}}</label>
% if field == "known_issues":
<textarea id="f-{{field}}" name="{{field}}" rows="5">{{values[field]}}</textarea>
% else:
<input id="f-{{field}}" name="{{field}}" value="{{values[field]}}" {{!'type="email" autocomplete="email"' if field == 'contact_email' else 'type="url"' if field == 'site_url' else 'type="tel" autocomplete="tel"' if field == 'contact_phone' else ''}}>
% end
</div>
% end
<button type="submit" class="primary">{{_("publishing.save")}}</button>
</form>
<p><a href="/portal/nb/tilgjengelighetserklaering">{{_("publishing.statement_view")}}</a></p>
</section>
