import type { DiffSegment, RevisionDiff } from "@/lib/text/diff";

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === "added" ? (
          <ins key={index}>{segment.text}</ins>
        ) : segment.kind === "removed" ? (
          <del key={index}>{segment.text}</del>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** What changed between two revisions: fields word by word, the body paragraph by paragraph. */
export function DiffView({ diff, onClose }: { diff: RevisionDiff; onClose?: () => void }) {
  const changedFields = diff.fields.filter((field) => field.changed);
  const bodyChanged = diff.body.some((block) => block.kind !== "same");
  return (
    <div className="diff" aria-label="Changes between the two revisions" role="region">
      <div className="diff__header">
        <p className="diff__summary">{diff.changed ? "Changes" : "No differences"}</p>
        {onClose ? (
          <button type="button" className="btn btn--ghost btn--sm" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      {changedFields.map((field) => (
        <div key={field.field} className="diff__field">
          <p className="diff__label">{field.label}</p>
          <p className="diff__text">
            <Segments segments={field.segments} />
          </p>
        </div>
      ))}
      {bodyChanged ? (
        <div className="diff__field">
          <p className="diff__label">Body</p>
          {diff.body.map((block, index) =>
            block.kind === "same" ? null : (
              <p key={index} className={`diff__block diff__block--${block.kind}`}>
                <Segments segments={block.segments} />
              </p>
            ),
          )}
          <p className="diff__hint">{diff.body.filter((block) => block.kind === "same").length} unchanged paragraphs not shown.</p>
        </div>
      ) : null}
    </div>
  );
}
