import { FieldErrors } from '@/components/ui/fields';
import type { SkillTaxonomy } from '@/lib/skills/queries';

/**
 * Every skill as a checkbox, grouped by category in collapsible sections; categories holding a chosen
 * or suggested skill start open. Plain HTML: works without JavaScript, and a keyboard reaches every box.
 */
export function AskSkillPicker({
  taxonomy,
  selected,
  suggested,
  errors,
  maxSkills,
}: {
  taxonomy: SkillTaxonomy;
  selected: string[];
  suggested: string[];
  errors?: string[];
  maxSkills: number;
}) {
  return (
    <fieldset
      id="skills"
      tabIndex={-1}
      className="space-y-3"
      aria-describedby={errors?.length ? 'skills-hint skills-error' : 'skills-hint'}
    >
      <legend className="font-medium text-slate-900">Skills this ask needs</legend>
      <p id="skills-hint" className="text-sm text-slate-700">
        Choose 1 to {maxSkills}; fewer is better for one short session. “Check my ask” suggests skills from your words.
      </p>
      <FieldErrors id="skills-error" errors={errors} />
      {taxonomy.map((category) => {
        const chosen = category.skills.filter((skill) => selected.includes(skill.slug)).length;
        const hinted = category.skills.some((skill) => suggested.includes(skill.slug));
        return (
          <details key={category.slug} open={chosen > 0 || hinted} className="rounded-md border border-slate-300">
            <summary className="cursor-pointer px-4 py-2 font-medium">
              {category.name}
              {chosen > 0 ? <span className="text-slate-700"> ({chosen} chosen)</span> : null}
            </summary>
            <ul className="grid gap-2 border-t border-slate-200 px-4 py-3 sm:grid-cols-2">
              {category.skills.map((skill) => {
                const id = `skill-${skill.slug}`;
                return (
                  <li key={skill.slug} className="flex items-start gap-2">
                    <input
                      key={`${id}-${selected.includes(skill.slug)}`}
                      id={id}
                      type="checkbox"
                      name="skills"
                      value={skill.slug}
                      defaultChecked={selected.includes(skill.slug)}
                      className="mt-1 h-4 w-4 accent-brand-700"
                    />
                    <label htmlFor={id}>
                      {skill.name}
                      {suggested.includes(skill.slug) ? <span className="text-sm font-medium text-brand-800"> (suggested)</span> : null}
                    </label>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
