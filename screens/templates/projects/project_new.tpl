% rebase('base.tpl')
<section class="card">
<h1>{{_("projects.new")}}</h1>
<form method="post" action="{{url('project_create')}}" id="project-form">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % include('projects/project_fields.tpl', values=values)
  <button type="submit" class="primary">{{_("projects.create")}}</button>
</form>
</section>
