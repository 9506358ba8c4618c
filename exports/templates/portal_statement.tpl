% rebase("portal_base.tpl", lang=lang, title=_("statement.title"), links=links, _=_, alternates=alternates, switch=switch, head=head)
<article>
<h1>{{_("statement.title")}}</h1>
<p>{{_("statement.intro", organisation=s["organisation"] or _("portal.site_title"), site=s["site_url"] or _("portal.site_title"))}}</p>
<h2>{{_("statement.status")}}</h2>
<p>{{_("statement.status_meets") if s["meets"] else _("statement.status_partly")}}</p>
<h2>{{_("statement.tests")}}</h2>
% if s["axe"]:
<p>{{_("statement.tests_text", axe=s["axe"].get("axe_version", "?"), date=s["axe"].get("date", "")[:10], pages=s["axe"].get("pages", 0))}}</p>
<p>{{_("statement.tests_result", serious=s["axe"].get("serious", 0), other=s["axe"].get("other", 0))}}</p>
% else:
<p>{{_("statement.tests_none")}}</p>
% end
<p>{{_("statement.manual", date=s["checked_on"]) if s["checked_on"] else _("statement.manual_none")}}</p>
<h2>{{_("statement.known")}}</h2>
% if s["known"]:
<ul>
% for line in s["known"]:
<li data-content>{{line}}</li>
% end
</ul>
% else:
<p>{{_("statement.known_none")}}</p>
% end
<h2>{{_("statement.feedback")}}</h2>
% if s["contact_email"] or s["contact_phone"]:
<p>{{_("statement.feedback_text")}}
% if s["contact_email"]:
<a href="mailto:{{s['contact_email']}}" data-content>{{s["contact_email"]}}</a>
% end
% if s["contact_phone"]:
<span data-content>{{s["contact_phone"]}}</span>
% end
</p>
% else:
<p>{{_("statement.contact_missing")}}</p>
% end
<h2>{{_("statement.supervision")}}</h2>
<p>{{_("statement.supervision_text")}} <a href="{{s['supervision_url']}}" translate="no">uutilsynet.no</a></p>
% if s["updated"]:
<p class="meta">{{_("statement.updated", date=s["updated"])}}</p>
% end
</article>
