% rebase('base.tpl')
% if error:
<p class="error" role="alert">{{error}}</p>
% end
<h2 class="sr-only">{{_("exports.title")}}</h2>
<p>{{_("exports.intro")}}</p>
% if hidden:
<p class="notice">{{_("exports.blinded_note")}}</p>
% end
% for n, (group, offers) in enumerate(groups):
<section class="card" aria-labelledby="group-{{n}}">
<h2 id="group-{{n}}">{{_(group)}}</h2>
<ul class="exports">
% for o in offers:
% what = o['what']
% mine = chosen.get('what') == what
<li id="export-{{what}}">
<h3 id="h-{{what}}">{{_("exports.what." + what)}}</h3>
<p class="meta">{{_("exports.help." + what)}}</p>
<form method="get" action="{{url('project_export_file', project_id=project['id'])}}" class="row" aria-labelledby="h-{{what}}">
<input type="hidden" name="what" value="{{what}}">
<div><label for="f-{{what}}-format">{{_("exports.format")}}</label>
<select id="f-{{what}}-format" name="format">
% for f in o['formats']:
<option value="{{f}}" {{!'selected' if mine and chosen.get('format') == f else ''}}>{{_("exports.format." + f)}}</option>
% end
</select></div>
% if 'stage' in o['options']:
<div><label for="f-{{what}}-stage">{{_("exports.stage")}}</label>
<select id="f-{{what}}-stage" name="stage">
% for s in ("1", "2"):
<option value="{{s}}" {{!'selected' if mine and chosen.get('stage') == s else ''}}>{{_("exports.stage" + s)}}</option>
% end
</select></div>
% end
% if 'summary_lang' in o['options']:
<div><label for="f-{{what}}-lang">{{_("exports.summary_lang")}}</label>
<select id="f-{{what}}-lang" name="summary_lang">
% for code in ("nb", "nn", "en"):
<option value="{{code}}" lang="{{code}}" {{!'selected' if mine and chosen.get('summary_lang') == code else ''}}>{{_(f"summaries.lang_{code}")}}</option>
% end
</select></div>
% end
% if 'label' in o['options']:
<div class="grow"><label for="f-{{what}}-label">{{_("exports.label")}}</label>
<input id="f-{{what}}-label" name="label" required value="{{chosen.get('label', '') if mine else ''}}"></div>
% end
% if what in ('records-with-decisions', 'records') and searches:
<div class="grow"><label for="f-{{what}}-search">{{_("exports.search")}}</label>
<select id="f-{{what}}-search" name="search">
<option value="">{{_("exports.all_searches")}}</option>
% for s in searches:
<option value="{{s['id']}}" data-content>{{s['database_name'] or s['file_name']}} ({{fmt_date(s['searched_on']) or s['file_name']}}, {{fmt_number(s['record_count'])}})</option>
% end
</select></div>
% end
<div><button type="submit" class="primary">{{_("exports.download")}}<span class="sr-only">: {{_("exports.what." + what)}}</span></button></div>
</form>
</li>
% end
</ul>
</section>
% end
% if member['role'] == 'lead':
<section class="card" aria-labelledby="archive-heading">
<h2 id="archive-heading">{{_("exports.archive_title")}}</h2>
<p>{{_("exports.archive_help")}}</p>
<p id="archive-blinding">{{_("exports.archive_blinding")}}</p>
<p><a class="button" id="archive-download" href="{{url('project_archive', project_id=project['id'])}}" download>{{_("exports.archive_download")}}</a></p>
<p class="meta">{{_("exports.archive_import_hint")}} <a href="{{url('project_import')}}">{{_("exports.import_title")}}</a></p>
</section>
% end
