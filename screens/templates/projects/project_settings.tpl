% rebase('base.tpl')
<section class="card">
<h2>{{_("project.settings")}}</h2>
<form method="post" action="{{url('project_settings_post', project_id=project['id'])}}" id="project-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % include('projects/project_fields.tpl', values=project)
  <button type="submit" class="primary">{{_("common.save")}}</button>
</form>
</section>
