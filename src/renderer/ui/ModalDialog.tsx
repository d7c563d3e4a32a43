import { useEffect, useRef, type ReactNode } from 'react';
import './modalDialog.css';

/**
 * A button that opens a modal <dialog> (focus trapped, Escape closes it, the page behind inert), with the
 * dialog's heading as its accessible name. Open state lives with the caller so it can load data on open.
 */
export function ModalDialog({
  opener,
  label,
  open,
  onOpen,
  onClose,
  className,
  children,
}: {
  /** The text of the button that opens the dialog. */
  opener: string;
  label: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" className="modal-opener" onClick={onOpen}>
        {opener}
      </button>
      <dialog ref={dialog} className={`modal-dialog ${className ?? ''}`} aria-label={label} onClose={onClose}>
        <h2>{label}</h2>
        {children}
      </dialog>
    </>
  );
}
