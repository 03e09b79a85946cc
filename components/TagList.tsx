/**
 * A note's tags as a list (the annotations page and the hovered note); nothing when there are none.
 * Tags are page-supplied text: rendered as text.
 */

/** Props of {@link TagList}. */
export interface TagListProps {
  tags: readonly string[];
}

/** The tags of a note, one list item each. */
export function TagList({ tags }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul class="cc-ann-tags" aria-label="Tags">
      {tags.map((t, i) => (
        <li key={`${i}:${t}`} class="cc-tag">
          {t}
        </li>
      ))}
    </ul>
  );
}
