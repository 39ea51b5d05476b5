import "@/components/newsroom/editor/editor.css";

/** The editor workspace's own styles on top of the newsroom shell's. */
export default function EditorLayout({ children }: { children: React.ReactNode }) {
  return children;
}
