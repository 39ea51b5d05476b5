"use client";

// The Body field: a Tiptap editor limited to what the sanitiser keeps
// (paragraphs, H2/H3, bold, italic, links, lists, quotes), with a small toolbar.
// Its HTML travels in a hidden input named "body".
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";

export type RichTextHandle = {
  setHtml: (html: string) => void;
  focus: () => void;
  /** The caret or selection while the editor has focus, else null. */
  selection: () => { from: number; to: number } | null;
  focusAt: (from: number, to: number) => void;
};

type Props = {
  labelId: string;
  html: string;
  onChange: (html: string) => void;
  invalid?: boolean;
  describedBy?: string;
  readOnly?: boolean;
  /** Receives a handle to replace the content (restore, take theirs). */
  handleRef?: (handle: RichTextHandle | null) => void;
  /** Mounted in the browser, not hydrated (a form taking over another): editable in its first render, so no keystroke falls between. */
  immediate?: boolean;
};

export function RichTextEditor({ labelId, html, onChange, invalid, describedBy, readOnly, handleRef, immediate = false }: Props) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    immediatelyRender: immediate,
    editable: !readOnly,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"], HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null } },
      }),
    ],
    content: html,
    editorProps: {
      attributes: {
        class: "rte__content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: current }) => onChangeRef.current(current.isEmpty ? "" : current.getHTML()),
  });

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        attributes: {
          class: "rte__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          ...(invalid ? { "aria-invalid": "true" } : {}),
        },
      },
    });
  }, [editor, labelId, describedBy, invalid]);

  // Before paint: a form taking over puts the caret back before the next keystroke.
  useLayoutEffect(() => {
    if (!editor || !handleRef) return;
    handleRef({
      setHtml: (next) => editor.commands.setContent(next, { emitUpdate: false }),
      focus: () => editor.commands.focus(),
      selection: () => (editor.isFocused ? { from: editor.state.selection.from, to: editor.state.selection.to } : null),
      focusAt: (from, to) => editor.chain().focus().setTextSelection({ from, to }).run(),
    });
    return () => handleRef(null);
  }, [editor, handleRef]);

  return (
    <div className={`rte${invalid ? " rte--invalid" : ""}`}>
      {editor && !readOnly ? <Toolbar editor={editor} /> : <div className="rte__toolbar rte__toolbar--placeholder" aria-hidden="true" />}
      {editor ? <EditorContent editor={editor} /> : <div className="rte__content rte__content--loading" aria-hidden="true" dangerouslySetInnerHTML={{ __html: html }} />}
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isActive("paragraph") && !current.isActive("bulletList") && !current.isActive("orderedList") && !current.isActive("blockquote"),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      link: current.isActive("link"),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      href: (current.getAttributes("link").href as string | undefined) ?? "",
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const chain = () => editor.chain().focus();

  return (
    <div className="rte__bar">
      <div className="rte__toolbar" role="toolbar" aria-label="Formatting">
        <ToolButton label="Paragraph" active={state.paragraph} onClick={() => chain().setParagraph().run()}>
          ¶
        </ToolButton>
        <ToolButton label="Heading 2" active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          H2
        </ToolButton>
        <ToolButton label="Heading 3" active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          H3
        </ToolButton>
        <span className="rte__sep" aria-hidden="true" />
        <ToolButton label="Bold (Ctrl+B)" active={state.bold} onClick={() => chain().toggleBold().run()}>
          <strong>B</strong>
        </ToolButton>
        <ToolButton label="Italic (Ctrl+I)" active={state.italic} onClick={() => chain().toggleItalic().run()}>
          <em>I</em>
        </ToolButton>
        <ToolButton label="Link" active={state.link || linkOpen} onClick={() => setLinkOpen((open) => !open)}>
          <LinkIcon />
        </ToolButton>
        <span className="rte__sep" aria-hidden="true" />
        <ToolButton label="Bulleted list" active={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
          <ListIcon />
        </ToolButton>
        <ToolButton label="Numbered list" active={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
          1.
        </ToolButton>
        <ToolButton label="Quote" active={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
          “”
        </ToolButton>
      </div>
      {linkOpen ? <LinkBar key={state.href} initialHref={state.href} editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </div>
  );
}

function LinkBar({ editor, initialHref, onClose }: { editor: Editor; initialHref: string; onClose: () => void }) {
  const id = useId();
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState("");
  function apply() {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      onClose();
      return;
    }
    const url = /^(https?:\/\/|mailto:)/i.test(value) ? value : `https://${value}`;
    if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) {
      setError("Enter a web address, e.g. https://example.com");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    onClose();
  }
  return (
    <div className="rte__linkbar">
      <label className="visually-hidden" htmlFor={id}>
        Link address
      </label>
      <input
        id={id}
        className="input"
        type="url"
        placeholder="https://…"
        value={href}
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError("");
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            apply();
          }
          if (event.key === "Escape") onClose();
        }}
      />
      <button type="button" className="btn btn--sm btn--primary" onClick={apply}>
        Apply
      </button>
      {initialHref ? (
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      ) : null}
      {error ? <span className="field__error">{error}</span> : null}
    </div>
  );
}

function ToolButton({ label, active, onClick, children }: { label: string; active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="rte__tool"
      aria-label={label}
      title={label}
      aria-pressed={active}
      // Keep the text selection: the editor keeps focus while the button is clicked.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </svg>
  );
}

function ListIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
    </svg>
  );
}
