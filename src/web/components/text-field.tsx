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

/** A labelled input; the hint sits outside the label so it is described, not part of the name. */
export function TextField({ label, value, onChange, hint, wide, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={wide === true ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {hint === undefined ? null : (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}
