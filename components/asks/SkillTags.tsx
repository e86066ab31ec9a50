import { Badge } from '@/components/ui/Badge';

export function SkillTags({ skills, label = 'Skills' }: { skills: Array<{ slug: string; name: string }>; label?: string }) {
  if (skills.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {skills.map((skill) => (
        <li key={skill.slug}>
          <Badge tone="brand">{skill.name}</Badge>
        </li>
      ))}
    </ul>
  );
}
