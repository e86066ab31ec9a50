/** Narrow the list to one skill category. A plain GET form: works without JavaScript. */
export function CategoryFilter({
  categories,
  selected,
}: {
  categories: Array<{ slug: string; name: string }>;
  selected?: string;
}) {
  return (
    <form method="get" action="/asks" className="mt-6 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="category" className="text-sm font-medium text-slate-800">
          Skill area
        </label>
        <select
          id="category"
          name="category"
          defaultValue={selected ?? ''}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900"
        >
          <option value="">All skill areas</option>
          {categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        Show asks
      </button>
    </form>
  );
}
