/**
 * A labelled text input, with an optional hint tied to it for screen readers.
 *
 * @module
 */
import { useId } from 'react';

/** What `TextField` takes. */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly wide?: boolean;
  readonly name?: string;
  readonly autoComplete?: string;
  readonly step?: string;
  readonly min?: string;
  readonly max?: string;
}

/** A labelled input. */
export function TextField({ label, value, onChange, hint, wide, ...input }: TextFieldProps) {
  const hintId = useId();
  return (
    <label className={wide === true ? 'wide' : undefined}>
      {label}
      <input
        {...input}
        value={value}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {hint === undefined ? null : (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </label>
  );
}
