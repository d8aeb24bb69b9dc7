import type { ReactNode } from 'react';
import { useCatalogue } from '../lib/i18n/language';

interface ChoiceGroupProps<Option extends string> {
  /** The group's name: said to assistive technology by aria-label, shown before the options. */
  label: string;
  options: readonly Option[];
  chosen: Option;
  nameOf: (option: Option) => ReactNode;
  onChoose: (option: Option) => void;
  /** The language each option's name is written in, when not the page's. */
  langOf?: (option: Option) => string;
}

/** A labelled group of toggle buttons of which one is pressed: the header's theme and language. */
export function ChoiceGroup<Option extends string>(props: ChoiceGroupProps<Option>) {
  const { label, options, chosen, nameOf, onChoose, langOf } = props;
  const t = useCatalogue();
  return (
    <div className="theme-switch" role="group" aria-label={label}>
      {/* The group's name says it to assistive technology; this says it to the eye. */}
      <span className="theme-switch__label" aria-hidden="true">
        {t.colon(label)}
      </span>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          lang={langOf?.(option)}
          className="theme-switch__option"
          aria-pressed={chosen === option}
          onClick={() => onChoose(option)}
        >
          {nameOf(option)}
        </button>
      ))}
    </div>
  );
}
