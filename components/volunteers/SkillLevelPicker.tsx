import { FieldErrors } from '@/components/ui/fields';
import type { SkillTaxonomy } from '@/lib/skills/queries';
import { skillLevelOptions } from '@/lib/options';

/**
 * Every skill with a level select ("Not offered" by default), grouped by category in collapsible
 * sections. Plain HTML: works without JavaScript, and a keyboard reaches every control.
 */
export function SkillLevelPicker({
  taxonomy,
  levels,
  errors,
}: {
  taxonomy: SkillTaxonomy;
  levels: Record<string, string>;
  errors?: string[];
}) {
  return (
    <fieldset id="skills" tabIndex={-1} className="space-y-3" aria-describedby={errors?.length ? 'skills-error' : 'skills-hint'}>
      <legend className="font-medium text-slate-900">Your skills</legend>
      <p id="skills-hint" className="text-sm text-slate-700">
        Open a category and give each skill you can help with a level. Up to 12 skills: the ones you are strongest in.
      </p>
      <FieldErrors id="skills-error" errors={errors} />
      {taxonomy.map((category) => {
        const chosen = category.skills.filter((skill) => levels[skill.id]).length;
        return (
          <details key={category.slug} open={chosen > 0} className="rounded-md border border-slate-300">
            <summary className="cursor-pointer px-4 py-2 font-medium">
              {category.name}
              {chosen > 0 ? <span className="text-slate-700"> ({chosen} chosen)</span> : null}
            </summary>
            <ul className="space-y-2 border-t border-slate-200 px-4 py-3">
              {category.skills.map((skill) => {
                const id = `skill-${skill.id}`;
                return (
                  <li key={skill.id} className="flex flex-wrap items-center justify-between gap-2">
                    <label htmlFor={id}>{skill.name}</label>
                    {/* Keyed on its value: a select only reads defaultValue when it mounts, and React
                        resets forms to their defaults after a successful action. */}
                    <select
                      key={levels[skill.id] ?? ''}
                      id={id}
                      name={`skill:${skill.id}`}
                      defaultValue={levels[skill.id] ?? ''}
                      className="rounded-md border border-slate-500 bg-white px-2 py-1"
                    >
                      <option value="">Not offered</option>
                      {skillLevelOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
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
