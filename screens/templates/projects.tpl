% rebase('base.tpl')
<div class="pagehead">
<h1>{{_("projects.title")}}</h1>
<p><a class="button primary" href="{{url('project_new')}}">{{_("projects.new")}}</a>
<a class="button" href="{{url('project_import')}}">{{_("exports.import_title")}}</a></p>
</div>
% if not projects:
<p class="empty">{{_("projects.empty")}}</p>
% else:
<ul class="cards">
% for p in projects:
  <li class="card">
    <h2><a href="{{url('project', project_id=p['id'])}}"><span data-content>{{p['title']}}</span></a></h2>
    <p class="meta">{{_("project.type." + p['review_type'])}} · {{_("projects.role")}}: {{_("role." + p['role'])}}</p>
    % if p['question']:
    <p><span data-content>{{p['question']}}</span></p>
    % end
  </li>
% end
</ul>
% end
