import type { Extra, PersonField, SearchField } from '../site-definition.js';
import { money } from './format.js';

const fid = (name: string) => `f-${name}`;

function FieldError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${fid(name)}-err`}>
      {error}
    </p>
  ) : null;
}

function invalidProps(name: string, error: string | undefined) {
  return error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fid(name)}-err` } : {};
}

/** Text box plus a calendar pop-up (built by app.js); typing YYYY-MM-DD works too. */
export function DateInput(props: { name: string; label: string; value: string; error?: string; required?: boolean }) {
  const id = fid(props.name);
  return (
    <div class="field date">
      <label for={id}>{props.label}</label>
      <div class="date-row">
        <input
          id={id}
          name={props.name}
          type="text"
          inputmode="numeric"
          placeholder="YYYY-MM-DD"
          autocomplete="off"
          value={props.value}
          required={props.required ?? true}
          {...invalidProps(props.name, props.error)}
        />
        <button type="button" class="cal-btn" data-cal={id} aria-label={`Open calendar for ${props.label.toLowerCase()}`} aria-haspopup="dialog">
          Calendar
        </button>
      </div>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

/** A number with - and + buttons (app.js wires them; the box stays editable). */
export function Stepper(props: { name: string; label: string; value: number; min: number; max: number; error?: string }) {
  const id = fid(props.name);
  return (
    <div class="field stepper" data-stepper>
      <label for={id}>{props.label}</label>
      <div class="stepper-row">
        <button type="button" data-step="-1" aria-label={`Decrease ${props.label.toLowerCase()}`}>−</button>
        <input id={id} name={props.name} type="number" min={props.min} max={props.max} value={props.value} {...invalidProps(props.name, props.error)} />
        <button type="button" data-step="1" aria-label={`Increase ${props.label.toLowerCase()}`}>+</button>
      </div>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function SearchFieldControl(props: { field: SearchField; value: string; error?: string }) {
  const { field, value, error } = props;
  const id = fid(field.name);
  switch (field.kind) {
    case 'autocomplete':
      return (
        <div class="field ac" data-ac={field.source}>
          <label for={id}>{field.label}</label>
          <input
            id={id}
            name={field.name}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded="false"
            aria-controls={`${id}-list`}
            autocomplete="off"
            placeholder={field.placeholder ?? ''}
            value={value}
            required={field.required ?? true}
            {...invalidProps(field.name, error)}
          />
          <ul id={`${id}-list`} role="listbox" aria-label={`${field.label} suggestions`} hidden></ul>
          <FieldError name={field.name} error={error} />
        </div>
      );
    case 'date':
      return <DateInput name={field.name} label={field.label} value={value} error={error} required={field.required ?? true} />;
    case 'select':
      return (
        <div class="field">
          <label for={id}>{field.label}</label>
          <select id={id} name={field.name} data-follows={field.follows} {...invalidProps(field.name, error)}>
            {field.options.map((o) => (
              <option value={o.value} selected={o.value === (value || field.default)}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError name={field.name} error={error} />
        </div>
      );
    case 'radio':
      return (
        <fieldset class="field radios">
          <legend>{field.label}</legend>
          {field.options.map((o) => (
            <label class="radio">
              <input type="radio" name={field.name} value={o.value} checked={o.value === (value || field.default)} />
              {o.label}
            </label>
          ))}
          <FieldError name={field.name} error={error} />
        </fieldset>
      );
    case 'stepper':
      return <Stepper name={field.name} label={field.label} value={value === '' ? field.default : Number(value)} min={field.min} max={field.max} error={error} />;
    case 'text':
      return (
        <div class="field">
          <label for={id}>{field.label}</label>
          <input id={id} name={field.name} type="text" value={value} placeholder={field.placeholder ?? ''} {...invalidProps(field.name, error)} />
          <FieldError name={field.name} error={error} />
        </div>
      );
  }
}

/** A traveller or contact field; `name` is the input name (prefixed per traveller). */
export function PersonFieldControl(props: { field: PersonField; name: string; value: string; error?: string }) {
  const { field, name, value, error } = props;
  const id = fid(name);
  const label = field.required ? field.label : `${field.label} (optional)`;
  if (field.kind === 'date') return <DateInputPlain name={name} label={label} value={value} error={error} required={field.required} />;
  if (field.kind === 'select') {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} name={name} required={field.required} {...invalidProps(name, error)}>
          <option value="">Select…</option>
          {(field.options ?? []).map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError name={name} error={error} />
      </div>
    );
  }
  if (field.kind === 'textarea') {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <textarea id={id} name={name} rows={2} {...invalidProps(name, error)}>
          {value}
        </textarea>
        <FieldError name={name} error={error} />
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={field.kind}
        value={value}
        required={field.required}
        autocomplete={field.autocomplete ?? 'off'}
        {...invalidProps(name, error)}
      />
      <FieldError name={name} error={error} />
    </div>
  );
}

/** Birth dates are typed, not picked: real sites rarely give them a calendar. */
function DateInputPlain(props: { name: string; label: string; value: string; error?: string; required: boolean }) {
  const id = fid(props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} type="text" placeholder="YYYY-MM-DD" value={props.value} required={props.required} {...invalidProps(props.name, props.error)} />
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

/** An add-on: checkbox or stepper; data-price lets app.js update the total live. */
export function ExtraControl(props: { extra: Extra; name: string; qty: number; unitTotal: number; currency: string; error?: string }) {
  const { extra, name, qty, unitTotal, currency, error } = props;
  const priceText = `${money(unitTotal, currency)}${extra.kind === 'stepper' ? ' each' : ''}`;
  if (extra.kind === 'checkbox') {
    return (
      <div class="extra">
        <label>
          <input type="checkbox" name={name} value="1" checked={qty > 0} data-price={unitTotal} />
          {`${extra.label} (+${priceText})`}
        </label>
        {extra.description ? <p class="muted">{extra.description}</p> : null}
      </div>
    );
  }
  return (
    <div class="extra" data-price={unitTotal}>
      <Stepper name={name} label={`${extra.label} (+${priceText})`} value={qty} min={0} max={extra.max ?? 9} error={error} />
      {extra.description ? <p class="muted">{extra.description}</p> : null}
    </div>
  );
}
