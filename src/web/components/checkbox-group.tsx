/**
 * A fieldset of checkboxes choosing several values, e.g. a user's roles.
 *
 * @module
 */

/** What `CheckboxGroup` takes. */
export interface CheckboxGroupProps {
  readonly legend: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
}

/** The checkboxes, in `options` order. */
export function CheckboxGroup({ legend, options, selected, onChange }: CheckboxGroupProps) {
  return (
    <fieldset className="wide checkboxes">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            value={option.value}
            checked={selected.includes(option.value)}
            onChange={(event) => {
              onChange(
                event.target.checked
                  ? [...selected, option.value]
                  : selected.filter((value) => value !== option.value),
              );
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
