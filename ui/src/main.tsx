import { render } from 'preact';
import { App } from './shell/app';
import { currentLang } from './i18n';
import './style.css';

document.documentElement.lang = currentLang();
render(<App />, document.getElementById('app')!);
