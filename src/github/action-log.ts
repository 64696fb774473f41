import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { debug as logDebug, error as logError, info as logInfo, notice as logNotice, warning as logWarning } from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { safeLogLine } from '../core/report/escape.js';
import type { AnnotationLevel } from './annotations.js';

function defuseLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '#\u200b#[');
}

/**
 * The step's log. Text that carries names and values from inputs goes out line by line
 * through safeLogLine, and the long listings inside a `stop-commands` block as well, so
 * that no line of it is read as a workflow command. Annotations are counted per level,
 * because GitHub shows only the first 10 of each per step: the action's own warnings
 * (a refused comment) take slots that the findings then do not get.
 */
export class ActionLog {
  readonly emitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  /** Plain text, possibly several lines, possibly from inputs. */
  info(text: string): void {
    for (const line of text.replace(/\n$/, '').split(/\r?\n/)) logInfo(safeLogLine(line));
  }

  debug(text: string): void {
    logDebug(defuseLegacyCommands(text));
  }

  /** Prints text from inputs with workflow commands paused: a second guard beside safeLogLine. */
  untrusted(text: string): void {
    const token = `topogate-${randomUUID()}`;
    process.stdout.write(`::stop-commands::${token}${EOL}`);
    try {
      this.info(text);
    } finally {
      process.stdout.write(`::${token}::${EOL}`);
    }
  }

  /** An annotation; @actions/core escapes its message and properties for the command line. */
  annotate(level: AnnotationLevel, text: string, props: AnnotationProperties = {}): void {
    this.emitted[level]++;
    // A command line is read once, as this command; defusing `##[` anyway costs nothing.
    const message = defuseLegacyCommands(text);
    const properties = props.title ? { ...props, title: defuseLegacyCommands(props.title) } : props;
    if (level === 'error') logError(message, properties);
    else if (level === 'warning') logWarning(message, properties);
    else logNotice(message, properties);
  }

  warning(message: string): void {
    this.annotate('warning', message);
  }
}
