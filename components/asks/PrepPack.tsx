/** An ask's prep pack as the two sides read it: the charity's context (or "None") and a link to their document, if any. */
export function PrepPack({ context, prepLink }: { context: string | null; prepLink: string | null }) {
  return (
    <>
      {context || 'None'}
      {prepLink ? (
        <>
          {' '}
          <a href={prepLink} rel="noopener noreferrer nofollow">
            Linked document
          </a>
        </>
      ) : null}
    </>
  );
}
