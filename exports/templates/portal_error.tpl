% rebase("portal_base.tpl", lang=lang, title=_("portal.not_found"), links=links, _=_, alternates=alternates, switch=switch, head=head)
<h1>{{_("portal.not_found")}}</h1>
<p>{{_("portal.not_found_text")}}</p>
<p><a href="{{links.index(lang)}}">{{_("portal.back_home")}}</a></p>
