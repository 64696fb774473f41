import { lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';

/**
 * Where an autoscaling group names what its instances launch from: its launch configuration,
 * and its launch templates (`launch_template`, a mixed instances policy's template and the
 * templates of its `override` blocks), each by id or by name.
 */
export function asgLaunchPaths(asg: PlanResource): { configurations: AttributePath[]; templates: AttributePath[] } {
  const mixed: AttributePath = ['mixed_instances_policy', 0, 'launch_template', 0];
  const specs: AttributePath[] = [[...mixed, 'launch_template_specification', 0]];
  const overrides = lookup(asg, [...mixed, 'override']);
  if (overrides.state === 'known' && Array.isArray(overrides.value)) overrides.value.forEach((_o, i) => specs.push([...mixed, 'override', i, 'launch_template_specification', 0]));
  return {
    configurations: [['launch_configuration']],
    templates: [['launch_template', 0, 'id'], ['launch_template', 0, 'name'], ...specs.flatMap((s) => [[...s, 'launch_template_id'], [...s, 'launch_template_name']])],
  };
}
