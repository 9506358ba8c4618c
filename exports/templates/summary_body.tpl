<section class="key-messages" aria-labelledby="key-messages"><h2 id="key-messages">{{_("portal.key_messages")}}</h2>
<ul>
% for message in content["key_messages"]:
<li data-content>{{message}}</li>
% end
</ul></section>
% for section in ("why", "what_for", "what_did", "what_found"):
% if content[section]:
<h2>{{_("portal." + section)}}</h2>
% for para in content[section].split("\n\n"):
<p data-content>{{para}}</p>
% end
% end
% end
% if content["findings"]:
<h2>{{_("portal.findings")}}</h2>
<table><thead><tr><th scope="col">{{_("portal.finding")}}</th><th scope="col">{{_("portal.certainty")}}</th></tr></thead><tbody>
% for finding in content["findings"]:
<tr><td data-content>{{finding["text"]}}</td><td>{{_("portal.certainty_" + finding["certainty"])}}</td></tr>
% end
</tbody></table>
% end
% for section in ("limitations", "up_to_date", "workplaces"):
% if content[section]:
<h2>{{_("portal." + section)}}</h2>
% for para in content[section].split("\n\n"):
<p data-content>{{para}}</p>
% end
% end
% end
% if content["report_url"]:
<p><a href="{{content['report_url']}}">{{_("portal.full_report")}}</a></p>
% end
